package io.urop.stripe.emulator;

import java.util.List;

/** One authenticated API call: on which account it acts and with which parameters. */
record ApiRequest(String method, String path, List<String> pathParams, Params params, String accountId,
        boolean onConnectedAccount, String stripeVersion, String idempotencyKey, String requestId) {

    String pathParam(int index) {
        return pathParams.get(index);
    }

    List<String> expand() {
        return params.strings("expand");
    }
}
