// Starts local-aws-sqs on 127.0.0.1 and a free port (or SQS_PORT, to run it by hand: see samples/OrderWorker/README.md),
// prints "LISTENING <port>", and stops when stdin closes (so the server never outlives the test process that started it).
import { createSqsServer } from "local-aws-sqs";

const server = await createSqsServer({ port: Number(process.env.SQS_PORT ?? 0), hostname: "127.0.0.1", emulateQueueCreationLifecycle: false });
const address = server.address();
process.stdout.write(`LISTENING ${address.port}\n`);
process.stdin.resume();
process.stdin.on("end", () => { server.close(); process.exit(0); });
process.stdin.on("close", () => { server.close(); process.exit(0); });
