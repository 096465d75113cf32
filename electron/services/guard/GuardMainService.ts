import { ok, type ServiceImplementation, type guardContract } from '@shared/contract';
import { scanForPhi } from '@shared/domain/guard/scanForPhi';

type GuardService = ServiceImplementation<typeof guardContract>;

/** The privacy guard as a contract method, for scripts; the same scan every export runs. */
export class GuardMainService implements GuardService {
  async scan({ text }: Parameters<GuardService['scan']>[0]) {
    return ok(scanForPhi(text));
  }
}
