package io.urop.tenant;

import io.urop.test.ServiceContract;

class TenantServiceContractTest extends ServiceContract {
}
