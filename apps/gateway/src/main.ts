import 'reflect-metadata';
import { loadConfig } from '@egov/config';
import { GATEWAY_CONFIG_FRAGMENTS, GatewayModule } from '@egov/gateway-service';
import { DEFAULT_PORTS, failBoot, JsonLogger, startService } from '@egov/runtime';

async function main(): Promise<void> {
  const logger = new JsonLogger('gateway');
  try {
    const config = loadConfig(GATEWAY_CONFIG_FRAGMENTS, { PORT: String(DEFAULT_PORTS.gateway), ...process.env });
    await startService(GatewayModule.forRoot(config), { name: 'gateway', port: config.http.PORT, host: config.http.HOST, logger });
  } catch (error) {
    failBoot(logger, error);
  }
}

void main();
