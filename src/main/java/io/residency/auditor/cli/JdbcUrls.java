package io.residency.auditor.cli;

/** JDBC URLs may carry passwords in their parameters; anything shown to a person goes through here. */
final class JdbcUrls {

    private JdbcUrls() {
    }

    static String redact(String jdbcUrl) {
        String withoutUser = jdbcUrl.replaceAll("//[^/@]*@", "//***@");
        return withoutUser.replaceAll("(?i)((?:password|pwd|user|sslpassword)=)[^&;]*", "$1***");
    }
}
