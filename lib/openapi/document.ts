// The OpenAPI 3.1 description of Meshscope's HTTP API (DESIGN §4), served at /api/openapi.json. Typed data, not a
// generated file: each domain's part sits beside the others and imports the parsers' own constants (graph types,
// kinds, limits), so an enum or bound changes in one place. lib/openapi/coverage.test.ts keeps it in step with the
// route files.

import { authPaths, authSchemas } from './paths-auth';
import { graphPaths, graphSchemas } from './paths-graph';
import { inventoryPaths, inventorySchemas } from './paths-inventory';
import { istioPaths, istioSchemas } from './paths-istio';
import { metaPaths, metaSchemas, TAGS } from './paths-meta';
import { tracePaths, traceSchemas } from './paths-traces';
import { trafficPaths, trafficSchemas } from './paths-traffic';
import { sharedSchemas } from './schemas';
import type { OpenApiDocument } from './types';

/** The API description. */
export const openApiDocument: OpenApiDocument = {
  openapi: '3.1.0',
  info: {
    title: 'Meshscope API',
    version: '0.1.0',
    description:
      'JSON over HTTP for the Meshscope console. Errors are `{ "error": { "code", "message", "details"? } }`; a 400 names the bad field ' +
      'in its message and in `details.field`; 502/504 name the upstream in `details.upstream`. Responses may carry more fields than described.',
  },
  tags: TAGS,
  paths: { ...metaPaths, ...inventoryPaths, ...graphPaths, ...tracePaths, ...istioPaths, ...trafficPaths, ...authPaths },
  components: {
    schemas: { ...sharedSchemas, ...graphSchemas, ...inventorySchemas, ...traceSchemas, ...istioSchemas, ...trafficSchemas, ...metaSchemas, ...authSchemas },
  },
};
