// Written per scenario by tests/simulator/launch.ts: which generation of the CryptoPro extension to play.
globalThis.EP_DOCTOR_SIMULATOR = { generation: '1.3' };
