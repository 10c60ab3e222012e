package hk.lantau.attendance;

/** The code a payroll provider knows a person by. */
public record PayrollCode(String userId, String payrollCode) {
}
