/**
 * The task file: a JSON array of tasks, or `{ "tasks": [...] }`. Parsed by one zod schema; a bad
 * task fails with a message naming its index and the field, and the parsed value is the type
 * the simulator takes.
 */
import { z } from 'zod';
import { SchedError, type Task } from './types';

const MAX_TASKS = 100_000;
const MAX_SIGNAL = 1 << 20;

const finite = (what: string) =>
  z
    .number({
      error: (issue) =>
        issue.input === undefined ? `${what} is missing` : `${what} must be a finite number`,
    })
    .refine(Number.isFinite, {
      message: `${what} must be a finite number`,
    });

const taskSchema = z
  .object({
    id: z.union([z.string().min(1), z.number()], { error: 'id must be a string or a number' }),
    arrival: finite('arrival').refine((v) => v >= 0, { message: 'arrival must be ≥ 0' }),
    work: finite('work').refine((v) => v > 0, { message: 'work must be > 0' }),
    deadline: finite('deadline').optional(),
    urgency: finite('urgency').optional(),
    kind: z.string({ error: 'kind must be a string' }).optional(),
    coherence: finite('coherence')
      .refine((v) => v >= 0 && v <= 1, { message: 'coherence must be in [0, 1]' })
      .optional(),
    signal: z
      .array(finite('every signal sample'), { error: 'signal must be an array of numbers' })
      .refine((s) => s.length >= 2 && s.length <= MAX_SIGNAL && (s.length & (s.length - 1)) === 0, {
        message: `signal length must be a power of two from 2 to ${MAX_SIGNAL}`,
      })
      .optional(),
  })
  .strict();

function fieldOf(path: readonly PropertyKey[]): string {
  const head = path[0];
  return head === undefined ? '(task)' : String(head);
}

/** Tasks from parsed JSON; throws SchedError naming `tasks[i].field`. */
export function parseTasks(json: unknown): Task[] {
  const list: unknown =
    json && typeof json === 'object' && !Array.isArray(json) && 'tasks' in json
      ? (json as { tasks: unknown }).tasks
      : json;
  if (!Array.isArray(list)) {
    throw new SchedError(
      'tasks',
      'the task file must hold a JSON array of tasks or { "tasks": [...] }',
    );
  }
  if (list.length === 0 || list.length > MAX_TASKS) {
    throw new SchedError(
      'tasks',
      `the task file must hold 1 to ${MAX_TASKS} tasks; it holds ${list.length}`,
    );
  }
  return list.map((raw: unknown, i) => {
    const r = taskSchema.safeParse(raw);
    if (!r.success) {
      const issue = r.error.issues[0];
      const unknownKeys = issue?.code === 'unrecognized_keys' ? issue.keys : null;
      const field = unknownKeys?.[0] ?? fieldOf(issue?.path ?? []);
      const id =
        raw && typeof raw === 'object' && 'id' in raw
          ? ` (id ${JSON.stringify((raw as { id: unknown }).id)})`
          : '';
      const why = unknownKeys
        ? `unknown field; allowed: ${Object.keys(taskSchema.shape).join(', ')}`
        : issue?.message;
      throw new SchedError(
        `tasks[${i}].${field}`,
        `task ${i}${id}, field ${field}: ${why ?? 'invalid'}`,
      );
    }
    const { id, ...rest } = r.data;
    const task: Task = { id: String(id), arrival: rest.arrival, work: rest.work };
    if (rest.deadline !== undefined) task.deadline = rest.deadline;
    if (rest.urgency !== undefined) task.urgency = rest.urgency;
    if (rest.kind !== undefined) task.kind = rest.kind;
    if (rest.coherence !== undefined) task.coherence = rest.coherence;
    if (rest.signal !== undefined) task.signal = rest.signal;
    return task;
  });
}
