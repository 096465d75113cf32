import { APP_INDEX_URL } from '../protocol/appOrigin';

/**
 * The URL the main window loads: the dev server while developing, otherwise the built renderer
 * over app://. The dev server is taken only when the app runs unpackaged, so an environment
 * variable can never point an installed app at another page.
 */
export function chooseRendererUrl(options: {
  isPackaged: boolean;
  devServerUrl: string | undefined;
}): string {
  if (options.isPackaged || !options.devServerUrl) return APP_INDEX_URL;
  try {
    return new URL(options.devServerUrl).href;
  } catch {
    throw new Error(`ELECTRON_RENDERER_URL is not a URL: "${options.devServerUrl}"`);
  }
}
