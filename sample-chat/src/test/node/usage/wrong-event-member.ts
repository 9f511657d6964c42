// expect: TS2551
import type { SwitchboardEndpoints } from './switchboard';

const chat: SwitchboardEndpoints['/chat'] = Switchboard.connect('/chat');
chat.on('chat', (m) => m.txt);
