package hk.lantau.approval;

/** A file in the approval attachment store, as instances and records refer to it. */
public record AttachmentRef(String fileId, String fileName, long fileSize, String fileType) {
}
