// A proxy set in the environment of whoever runs the tests would route the
// tests' loopback requests (and the CLIs they spawn) through it.
for (const name of ['http_proxy', 'HTTP_PROXY', 'https_proxy', 'HTTPS_PROXY', 'no_proxy', 'NO_PROXY']) {
  Reflect.deleteProperty(process.env, name);
}
