/** Entry point of `npm start`: the classroom on one port. */
import { readConfig } from "./config.ts";
import { startServer } from "./app.ts";
import { keepProcessUp } from "./processGuard.ts";

const config = readConfig();
const running = await startServer(config);
// Only once serving: a server that cannot start should say so and exit.
keepProcessUp();
console.log(`Meridian classroom is running at ${running.url}`);
console.log(`Teachers: open ${running.url} and choose "Start a class". Students: open it and type the class code.`);

const stop = async () => {
  await running.stop();
  process.exit(0);
};
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
