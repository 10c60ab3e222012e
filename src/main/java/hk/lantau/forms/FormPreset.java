package hk.lantau.forms;

/** A ready-made form definition; its audience is empty, to be chosen before it is saved. */
public record FormPreset(String key, String name, FormDefinition definition) {
}
