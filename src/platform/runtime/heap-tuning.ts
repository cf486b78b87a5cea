import { setFlagsFromString } from 'node:v8';

/*
 * Imported first by src/main.ts, so that it runs before anything else is loaded or allocated.
 *
 * V8 "pretenures" an allocation site, allocating its objects straight in the old generation,
 * once it has seen most of that site's objects survive a young-generation collection. Early in
 * the process's life (startup, a first burst of requests) that happens to the sites that make
 * every request's database rows: pg's row objects, our timestamps' Dates, the strings sliced out
 * of each row. From then on every row of every page was old-generation garbage: each young
 * collection promoted about 1 MB (in the peers' Mercurius server, with the same SQL, about
 * 40 KB), took twice as long, and fed full collections. A server whose objects nearly all die
 * with their request gains nothing from pretenuring; objects that do live long (sockets,
 * presence) are promoted after surviving two young collections, as they would be anyway.
 * Measured side by side (bench/CHANGES.md): 0.93 of the CPU per GraphQL read and per REST list,
 * 0.82 per live notification.
 *
 * Set at runtime rather than on the command line so that every way of starting the server
 * (`npm start`, `npm run start:prod`, a container running `node dist/src/main.js`) gets it.
 */
setFlagsFromString('--no-allocation-site-pretenuring');
