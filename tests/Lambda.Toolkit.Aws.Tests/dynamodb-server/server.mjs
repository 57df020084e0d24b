// Starts dynalite (in memory) on 127.0.0.1 and a free port, prints "LISTENING <port>", and stops when stdin
// closes (so the server never outlives the test process that started it).
import dynalite from "dynalite";

const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
server.listen(0, "127.0.0.1", () => {
  process.stdout.write(`LISTENING ${server.address().port}\n`);
});
process.stdin.resume();
process.stdin.on("end", () => { server.close(); process.exit(0); });
process.stdin.on("close", () => { server.close(); process.exit(0); });
