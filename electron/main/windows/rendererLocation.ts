import { pathToFileURL } from 'node:url';

/** Where the window's page comes from: the built file, or the dev server in development. */
export type RendererLocation = { kind: 'file'; path: string } | { kind: 'url'; url: string };

/**
 * Picks the dev server only when the app runs unpackaged, so an environment variable can never
 * point a packaged app at another page.
 */
export function chooseRendererLocation(options: {
  isPackaged: boolean;
  devServerUrl: string | undefined;
  builtIndexPath: string;
}): RendererLocation {
  if (!options.isPackaged && options.devServerUrl)
    return { kind: 'url', url: options.devServerUrl };
  return { kind: 'file', path: options.builtIndexPath };
}

/** The URL our window shows once loaded: what the IPC sender check compares against. */
export function rendererUrlOf(location: RendererLocation): string {
  return location.kind === 'url' ? new URL(location.url).href : pathToFileURL(location.path).href;
}
