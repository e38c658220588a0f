/**
 * What the docker CLI's error text means for the operator: the SSH user is
 * not allowed on the socket, or the daemon is not running. Wording from the
 * docker CLI (test/fixtures/compose/docker-ps-*.txt).
 */

export type DockerProblem = 'permission' | 'daemon-down';

export function classifyDockerError(output: string): DockerProblem | null {
  if (/permission denied while trying to connect to the docker (daemon|API)|Got permission denied/i.test(output)) return 'permission';
  if (/Cannot connect to the Docker daemon|Is the docker daemon running|error during connect/i.test(output)) return 'daemon-down';
  return null;
}

export function dockerProblemSentence(problem: DockerProblem): string {
  return problem === 'permission'
    ? 'Docker refused the SSH user (permission denied on the Docker socket). Add the user to the docker group, or let status checks use sudo.'
    : 'The Docker daemon is not running on this node, so no halfstack container is up. Start it with `sudo systemctl start docker`.';
}
