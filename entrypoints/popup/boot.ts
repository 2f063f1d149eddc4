// Starts an extension page: the real services inside the extension, an explanatory error state anywhere else.
// The platform modules are loaded with import(): the webextension polyfill throws at load time outside an
// extension, and a static import would take the whole page down with it.

/** True in an extension page, where the extension APIs exist. */
export function isExtensionPage(): boolean {
  const scope = globalThis as { chrome?: { runtime?: { id?: string } } };
  return typeof scope.chrome?.runtime?.id === 'string';
}

export type PageKind = 'popup' | 'options';

export async function bootPage(kind: PageKind, start: (root: HTMLElement) => Promise<void>): Promise<void> {
  const root = document.getElementById('app');
  if (!root) return;
  if (isExtensionPage()) {
    try {
      await start(root);
      return;
    } catch (error) {
      console.error('Postclip could not start', error);
    }
  }
  const { startOffline } = await import('./offline');
  startOffline(root, kind);
}
