/**
 * The record as open data over HTTP: the same Frictionless data package as `evere dataset`
 * (datapackage.json, one CSV per topic, or all of it as one zip), built for the reader: every read
 * goes through the access layer, so a table holds only rows (and sources) the reader may read.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import type { ApiDeps } from '../context.js';
import { worldAccess } from '../context.js';
import { accessKey } from '../cache.js';
import { worldParam } from './schemas.js';
import { buildDataset, sourceClassIndex, tableCsv, type Dataset, type SourceClassOf } from '../../app/dataset.js';
import { readRecordLines } from '../../app/record-loader.js';
import { withNested } from '../../app/errors.js';
import type { AccessFilter } from '../../app/ports.js';

const fileParams = {
  type: 'object', additionalProperties: false, required: ['world', 'file'],
  properties: { world: worldParam.properties.world, file: { type: 'string', pattern: '^[a-z0-9-]{1,40}\\.csv$' } },
} as const;

export async function datasetRoutes(app: FastifyInstance, deps: ApiDeps): Promise<void> {
  let classes: SourceClassOf | undefined;
  const sourceClassOf: SourceClassOf = (url) => {
    classes ??= sourceClassIndex(readRecordLines(join(deps.dataDir, 'record')).lines);
    return classes(url);
  };

  const json = (dataset: Dataset) => Buffer.from(`${JSON.stringify(dataset.descriptor, null, 2)}\n`);

  /**
   * One file of the package, as `access` may read it. Answers are kept until the next append, except
   * for an audited reader, whose every read is recorded where it happens.
   */
  const send = async (request: FastifyRequest, reply: FastifyReply, world: string, access: AccessFilter, file: string, type: string, make: (d: Dataset) => Buffer | undefined, disposition?: string) => {
    const key = `${accessKey(access)} dataset ${world} ${file}`;
    let body = access.auditAs ? undefined : deps.cache?.get(key);
    if (body === undefined) {
      const dataset = await buildDataset(deps.ledger, world, { access, sourceClassOf });
      body = make(dataset);
      if (body === undefined) throw withNested('http.not_found', {}, 'what', { code: 'what.dataset_file', params: { file } });
      if (!access.auditAs) deps.cache?.set(key, body);
    }
    if (disposition) reply.header('content-disposition', disposition);
    return reply.type(type).send(body);
  };

  app.get('/api/worlds/:world/dataset/datapackage.json', {
    schema: {
      tags: ['open data'],
      summary: 'The world as a Frictionless data package: a Table Schema per table, the CSV paths (data/NAME.csv, relative to this URL) and the checkpoint it was taken at (`evere`: tree size, root, signed note)',
      params: worldParam,
    },
  }, async (request, reply) => {
    const { world } = request.params as { world: string };
    const { access } = await worldAccess(deps, request, world);
    return send(request, reply, world, access, 'datapackage.json', 'application/json; charset=utf-8', json);
  });

  app.get('/api/worlds/:world/dataset/data/:file', {
    schema: {
      tags: ['open data'],
      summary: 'One table of the data package as CSV (RFC 4180, header row); every row names its log entry, its source URL and the source’s class',
      params: fileParams,
    },
  }, async (request, reply) => {
    const { world, file } = request.params as { world: string; file: string };
    const { access } = await worldAccess(deps, request, world);
    return send(request, reply, world, access, file, 'text/csv; charset=utf-8; header=present', (d) => {
      const table = d.tables.find((t) => t.path === `data/${file}`);
      return table && Buffer.from(tableCsv(table));
    });
  });

  app.get('/api/worlds/:world/dataset.zip', {
    schema: {
      tags: ['open data'],
      summary: 'The whole data package as one zip: datapackage.json and data/*.csv',
      params: worldParam,
    },
  }, async (request, reply) => {
    const { world } = request.params as { world: string };
    const { access } = await worldAccess(deps, request, world);
    return send(request, reply, world, access, 'dataset.zip', 'application/zip', (d) => {
      const files: Record<string, Uint8Array> = { 'datapackage.json': new Uint8Array(json(d)) };
      for (const t of d.tables) files[t.path] = strToU8(tableCsv(t));
      return Buffer.from(zipSync(files, { level: 6 }));
    }, `attachment; filename="evere-${world}-dataset.zip"`);
  });
}
