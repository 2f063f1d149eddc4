// Pure: reads and rewrites Git trees through isomorphic-git's object API, so a publish needs no checkout.
import type { FsClient, TreeEntry } from 'isomorphic-git';
import * as git from 'isomorphic-git';

/** A local Git object store: the file system it lives in and its git directory. */
export interface GitStore {
  fs: FsClient;
  gitdir: string;
  /** isomorphic-git's pack cache, shared by the calls of one publish. */
  cache: object;
}

/** A file's new blob, at a path already checked by checkPublishPath. */
export interface TreeChange {
  path: string;
  oid: string;
}

const FILE_MODE = '100644';
const TREE_MODE = '040000';

async function readEntries(store: GitStore, treeOid: string | null): Promise<TreeEntry[]> {
  if (treeOid === null) return [];
  const { tree } = await git.readTree({
    fs: store.fs,
    gitdir: store.gitdir,
    oid: treeOid,
    cache: store.cache,
  });
  return tree;
}

/**
 * The entry at `path` in a tree (a blob, a sub-tree or a submodule), or null when there is none. When a file (or a
 * submodule) stands where one of the path's folders must be, that entry is returned: writing the path would
 * replace it, so callers treat it like an existing entry at the path.
 */
export async function entryAt(
  store: GitStore,
  treeOid: string | null,
  path: string,
): Promise<TreeEntry | null> {
  let current = treeOid;
  const segments = path.split('/');
  for (const [index, segment] of segments.entries()) {
    const entry = (await readEntries(store, current)).find((e) => e.path === segment);
    if (!entry) return null;
    if (index === segments.length - 1) return entry;
    if (entry.type !== 'tree') return entry;
    current = entry.oid;
  }
  return null;
}

/**
 * A new tree: `base` with each change written at its path, sub-trees created as needed, everything else shared.
 * An existing file keeps its mode (an executable stays one). Returns the new root tree's id.
 */
export async function writeTreeWith(
  store: GitStore,
  base: string | null,
  changes: readonly TreeChange[],
): Promise<string> {
  const entries = new Map((await readEntries(store, base)).map((e) => [e.path, e]));
  const byFolder = new Map<string, TreeChange[]>();
  for (const change of changes) {
    const slash = change.path.indexOf('/');
    if (slash < 0) {
      const old = entries.get(change.path);
      const mode = old?.type === 'blob' ? old.mode : FILE_MODE;
      entries.set(change.path, { mode, path: change.path, oid: change.oid, type: 'blob' });
      continue;
    }
    const folder = change.path.slice(0, slash);
    const inner = { path: change.path.slice(slash + 1), oid: change.oid };
    const list = byFolder.get(folder);
    if (list) list.push(inner);
    else byFolder.set(folder, [inner]);
  }
  for (const [folder, inner] of byFolder) {
    const old = entries.get(folder);
    const oid = await writeTreeWith(store, old?.type === 'tree' ? old.oid : null, inner);
    entries.set(folder, { mode: TREE_MODE, path: folder, oid, type: 'tree' });
  }
  // writeTree sorts the entries in Git's order itself.
  return git.writeTree({ fs: store.fs, gitdir: store.gitdir, tree: [...entries.values()] });
}

/** How many files (blobs) a tree holds, in all its folders. */
export async function countFiles(store: GitStore, treeOid: string): Promise<number> {
  let count = 0;
  for (const entry of await readEntries(store, treeOid)) {
    if (entry.type === 'blob') count += 1;
    else if (entry.type === 'tree') count += await countFiles(store, entry.oid);
  }
  return count;
}
