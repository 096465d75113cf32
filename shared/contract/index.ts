import { annotationsContract } from './annotations';
import { appContract } from './app';
import { clubContract } from './club';
import type { ServiceClient, ServiceImplementation } from './define';
import { feedsContract } from './feeds';
import { guardContract } from './guard';
import { imagesContract } from './images';
import { libraryContract } from './library';
import { papersContract } from './papers';
import { retentionContract } from './retention';
import { rulesContract } from './rules';
import { shareContract } from './share';
import { sourcesContract } from './sources';

export * from './define';
export * from './annotations';
export * from './app';
export * from './club';
export * from './feeds';
export * from './guard';
export * from './images';
export * from './library';
export * from './papers';
export * from './retention';
export * from './rules';
export * from './share';
export * from './sources';

/** Every service of the backend, keyed by service name. Both transports are built from this. */
export const contract = {
  annotations: annotationsContract,
  app: appContract,
  club: clubContract,
  feeds: feedsContract,
  guard: guardContract,
  images: imagesContract,
  library: libraryContract,
  papers: papersContract,
  retention: retentionContract,
  rules: rulesContract,
  share: shareContract,
  sources: sourcesContract,
} as const;

/** The whole contract's type. */
export type Contract = typeof contract;

/** The typed client the renderer receives, identical over IPC and HTTP. */
export type Api = { [K in keyof Contract]: ServiceClient<Contract[K]> };

/** What the backend must provide: one implementation per service. */
export type Backend = { [K in keyof Contract]: ServiceImplementation<Contract[K]> };

/** Name of a service in the contract. */
export type ServiceName = keyof Contract;
