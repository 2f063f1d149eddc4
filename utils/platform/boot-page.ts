// Platform: starts an extension page: the real services inside the extension, an explanatory error state anywhere
// else. Both renderers are passed in and loaded with import(): the webextension polyfill throws at load time
// outside an extension, and a static import would take the whole page down with it. No extension API here.

/** True in an extension page, where the extension APIs exist. */
export function isExtensionPage(): boolean {
  const scope = globalThis as { chrome?: { runtime?: { id?: string } } };
  return typeof scope.chrome?.runtime?.id === 'string';
}

export type PageStarter = (root: HTMLElement) => Promise<void>;

/** Renders into #app with `start`, or with `startOffline` outside the extension or when `start` throws. */
export async function bootPage(doc: Document, start: PageStarter, startOffline: PageStarter): Promise<void> {
  const root = doc.getElementById('app');
  if (!root) return;
  if (isExtensionPage()) {
    try {
      await start(root);
      return;
    } catch (error) {
      console.error('Postclip could not start', error);
    }
  }
  await startOffline(root);
}
