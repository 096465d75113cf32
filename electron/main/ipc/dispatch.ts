// Transport-neutral core shared by the IPC handlers and the HTTP host: find a contract member,
// validate what the (untrusted) renderer sent, call the service, and turn a crash into a value.
// Deliberately free of `electron` so the host can use it in plain Node.
import {
  channelOf,
  contract,
  fail,
  parseArgs,
  type Backend,
  type EventSpec,
  type MethodSpec,
  type Result,
  type ServiceName,
  type Unsubscribe,
} from '@shared/contract';

/** One member of the contract, as the transports see it. */
export type ContractMember =
  | { serviceName: ServiceName; memberName: string; channel: string; spec: MethodSpec }
  | { serviceName: ServiceName; memberName: string; channel: string; spec: EventSpec };

/** Every method and event of the contract, in declaration order. */
export function listContractMembers(): ContractMember[] {
  return (Object.keys(contract) as ServiceName[]).flatMap((serviceName) =>
    Object.entries(contract[serviceName].members as Record<string, MethodSpec | EventSpec>).map(
      ([memberName, spec]) =>
        ({
          serviceName,
          memberName,
          channel: channelOf(serviceName, memberName),
          spec,
        }) as ContractMember,
    ),
  );
}

/**
 * The spec of `service.member`, or undefined. Own properties only, so names such as `__proto__`
 * or `constructor` sent by a hostile page never resolve to something callable.
 */
export function findContractMember(
  serviceName: string,
  memberName: string,
): MethodSpec | EventSpec | undefined {
  if (!Object.hasOwn(contract, serviceName)) return undefined;
  const members = contract[serviceName as ServiceName].members as Record<
    string,
    MethodSpec | EventSpec
  >;
  return Object.hasOwn(members, memberName) ? members[memberName] : undefined;
}

type Callable = (...args: unknown[]) => unknown;

/** The implementation object of a service and the function behind one of its members. */
function implementationOf(backend: Backend, serviceName: ServiceName, memberName: string) {
  const target = backend[serviceName] as unknown as Record<string, unknown>;
  const member = target[memberName];
  if (typeof member !== 'function') {
    throw new Error(`The backend does not implement ${serviceName}.${memberName}`);
  }
  return { target, member: member as Callable };
}

/**
 * Calls `service.member` on the backend with raw arguments from a transport. Always resolves to
 * a Result: an unknown member or arguments that fail the schema give `invalid-argument` (the
 * message names the field), an unexpected throw is logged once here, with the member's name,
 * and returned as `internal`.
 */
export async function invokeMember(
  backend: Backend,
  serviceName: string,
  memberName: string,
  rawArgs: unknown,
): Promise<Result<unknown, string>> {
  const spec = findContractMember(serviceName, memberName);
  if (spec?.kind !== 'method') {
    return fail('invalid-argument', `Rounds has no method called ${serviceName}.${memberName}.`);
  }
  const parsed = parseArgs(spec, rawArgs);
  if (!parsed.ok) return parsed;
  const qualifiedName = `${serviceName}.${memberName}`;
  try {
    const { target, member } = implementationOf(backend, serviceName as ServiceName, memberName);
    return (await member.apply(target, parsed.args)) as Result<unknown, string>;
  } catch (error) {
    console.error(`[rounds] ${qualifiedName} failed unexpectedly`, error);
    return fail(
      'internal',
      `Something went wrong inside Rounds (${qualifiedName}). Please try again; the details were written to the log.`,
    );
  }
}

/**
 * Subscribes to one event of the backend. The listener gets the payload exactly as the service
 * fired it; the returned function undoes the subscription.
 */
export function subscribeMember(
  backend: Backend,
  serviceName: ServiceName,
  memberName: string,
  listener: (payload: unknown) => void,
): Unsubscribe {
  const { target, member } = implementationOf(backend, serviceName, memberName);
  return member.call(target, listener) as Unsubscribe;
}

/** Subscribes to every event of the contract at once; the returned function undoes them all. */
export function subscribeAllEvents(
  backend: Backend,
  listener: (member: ContractMember, payload: unknown) => void,
): Unsubscribe {
  const unsubscribes = listContractMembers()
    .filter((member) => member.spec.kind === 'event')
    .map((member) =>
      subscribeMember(backend, member.serviceName, member.memberName, (payload) =>
        listener(member, payload),
      ),
    );
  return () => {
    for (const unsubscribe of unsubscribes.splice(0)) unsubscribe();
  };
}
