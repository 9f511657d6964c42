// The sample chat, typed: what a page written in TypeScript does with the contract.
import type { ChatMessage, SwitchboardEndpoints } from './switchboard';

const chat: SwitchboardEndpoints['/chat'] = Switchboard.connect('/chat');

export async function talk(): Promise<string> {
  chat.on('chat', (m) => console.log(m.from + ': ' + m.text));
  chat.on('temp', (reading) => console.log(reading.celsius.toFixed(1)));
  chat.on('welcome', (member, message) => console.log(member.name, message.event));
  chat.on('close', (close: { code: number }) => console.log(close.code));
  await chat.call('say', { text: 'hi' });
  const renamed: string = await chat.call('name', 'Ada');
  const users = await chat.call('users');
  const lines: ChatMessage[] = [];
  return renamed + users.users?.map((user) => user.name).join(', ') + lines.length + users.online;
}
