package io.pushloss.api;

/**
 * What one HTTP 200 answer said: the outcome and, on success, the parsed rows.
 *
 * @param errorCode the vendor's {@code ErrorCode}, 0 on success
 * @param errorInfo the vendor's {@code ErrorInfo}, may be empty
 * @param response the rows when {@code errorCode} is 0, otherwise {@code null}
 */
record VendorAnswer(int errorCode, String errorInfo, LossResponse response) {

}
