package io.urop.auth;

import io.urop.auth.keys.KeyRing;
import io.urop.test.ServiceContract;
import io.urop.test.tokens.TokenIssuer;

import org.springframework.beans.factory.annotation.Autowired;

class AuthServiceContractTest extends ServiceContract {

    @Autowired
    KeyRing keys;

    /** auth-service checks tokens against its own key ring, so the contract's tokens are signed with it. */
    @Override
    protected TokenIssuer tokens() {
        return TokenIssuer.signingWith(keys::signingKey);
    }
}
