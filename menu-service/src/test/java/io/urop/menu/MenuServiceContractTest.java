package io.urop.menu;

import io.urop.test.ServiceContract;

class MenuServiceContractTest extends ServiceContract {
}
