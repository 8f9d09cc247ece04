/** The workspace the server serves, loaded once: its "now" is the moment every page asks about. */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { WorkspaceInfo } from './api-types.js';

export const WorkspaceContext = createContext<WorkspaceInfo | null>(null);

export function useWorkspace(): WorkspaceInfo {
  const workspace = useContext(WorkspaceContext);
  if (!workspace) throw new Error('useWorkspace outside <WorkspaceContext.Provider>');
  return workspace;
}
