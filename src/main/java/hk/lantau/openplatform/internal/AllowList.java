package hk.lantau.openplatform.internal;

import java.util.List;

/** An app's IP allow-list: empty allows every address, otherwise the caller must be in one block. */
final class AllowList {

    private AllowList() {
    }

    static boolean permits(List<String> blocks, String ip) {
        if (blocks.isEmpty()) {
            return true;
        }
        if (ip == null) {
            return false;
        }
        for (String block : blocks) {
            Cidr cidr = Cidr.parse(block).cidr();
            if (cidr != null && cidr.contains(ip)) {
                return true;
            }
        }
        return false;
    }
}
