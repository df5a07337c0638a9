package io.urop.qr;

import io.urop.test.ServiceContract;

class QrServiceContractTest extends ServiceContract {
}
