package hk.lantau.approval.internal.form;

/** One submitted value that cannot be taken, with its stable code; caught where the path is known. */
final class FieldProblem extends RuntimeException {

    private final String code;

    FieldProblem(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    String code() {
        return code;
    }
}
