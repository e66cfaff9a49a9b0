/** Entry point of `npm start`: the classroom on one port. */
import { readConfig } from "./config.ts";
import { startServer } from "./app.ts";
import { keepProcessUp } from "./processGuard.ts";
import { startMessage } from "./startMessage.ts";

const config = readConfig();
const running = await startServer(config);
// Only once serving: a server that cannot start should say so and exit.
keepProcessUp();
console.log(
  startMessage({ localUrl: running.url, shareOrigins: running.shareOrigins, certificate: running.certificate }),
);

const stop = async () => {
  await running.stop();
  process.exit(0);
};
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
