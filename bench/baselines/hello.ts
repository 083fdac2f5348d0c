// Baseline 1: the fastest a Node.js HTTP server answers on this machine (no framework, no database).
import { createServer } from 'node:http';

const body = Buffer.from('hello');
createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'text/plain', 'content-length': body.length });
  res.end(body);
}).listen(Number(process.env.PORT), '127.0.0.1');
