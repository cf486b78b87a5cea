import { builder } from '../builder.js';
import './scalars.js';
import './errors.js';
import './user.js';
import './connection.js';
import './connection-request.js';
import './notification.js';

builder.queryType({});
builder.mutationType({});

export const schema = builder.toSchema({ sortSchema: true });
