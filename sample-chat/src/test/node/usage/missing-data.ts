// expect: TS2554
import type { SwitchboardEndpoints } from './switchboard';

const chat: SwitchboardEndpoints['/chat'] = Switchboard.connect('/chat');
chat.call('say');
