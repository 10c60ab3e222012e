package hk.lantau.directory;

/** A department to create; {@code parentId} defaults to the root and {@code order} to 0. */
public record NewDepartment(String name, Long parentId, Integer order, boolean virtual) {
}
