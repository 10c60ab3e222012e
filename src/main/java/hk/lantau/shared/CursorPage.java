package hk.lantau.shared;

import java.util.List;

/** One page of a list and the opaque cursor of the next one ({@code null} at the end). */
public record CursorPage<T>(List<T> items, String nextCursor) {

    public CursorPage {
        items = List.copyOf(items);
    }
}
