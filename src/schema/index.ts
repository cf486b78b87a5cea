import { builder } from '../builder.js';
import './scalars.js';
import './errors.js';
import './user.js';
import './connection.js';
import './connection-request.js';
import './notification.js';
import './live.js';
import './settings.js';
import './blocks.js';
import './relationships.js';
import './mutual.js';
import './suggestions.js';

builder.queryType({});
builder.mutationType({});
builder.subscriptionType({});

export const schema = builder.toSchema({ sortSchema: true });
