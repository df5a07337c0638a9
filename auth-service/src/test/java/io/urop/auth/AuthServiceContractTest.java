package io.urop.auth;

import io.urop.test.ServiceContract;

class AuthServiceContractTest extends ServiceContract {
}
