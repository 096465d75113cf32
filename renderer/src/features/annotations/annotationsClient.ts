import type { Api } from '@shared/contract';

/** The window's side of the `annotations` service; the app passes `api.annotations`. */
export type AnnotationsClient = Api['annotations'];
