package hk.lantau.directory;

/** A partial change of a department; {@code null} leaves a value as it is. */
public record DepartmentChange(String name, Long parentId, Integer order) {
}
