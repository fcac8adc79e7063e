import { classPathProblem, findCommand, type Env } from '../process.js';
import type { Absent } from '../validator.js';

/*
 * The Java validators (veraPDF, EPUBCheck) run from a class path: a folder of
 * jars assembled from Maven Central (tests/conformance/maven/classpaths.sh)
 * named by an environment variable, or a jar a system package installed.
 * Java is never needed by voxpress itself, only by these validators.
 */

/** C1-only JIT and the serial GC about halve these validators' run time, which is mostly JVM warm-up. */
export const JAVA_FLAGS = ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC'] as const;

export interface JavaTool {
  readonly java: string;
  readonly classPath: string;
}

/** `java` and the class path in `variable` (or the jar at `jar`), or why they are missing. */
export async function locateJava(env: Env, source: { variable: string } | { jar: string }): Promise<JavaTool | Absent> {
  const classPath = 'variable' in source ? env[source.variable] : source.jar;
  if (!classPath) return { missing: `${'variable' in source ? source.variable : source.jar} is not set` };
  const problem = await classPathProblem(classPath);
  if (problem) return { missing: 'variable' in source ? `${source.variable}: ${problem}` : `${source.jar} is not installed` };
  const java = await findCommand('java', env);
  if (!java) return { missing: 'java is not on PATH' };
  return { java, classPath };
}

/** Runs a class's main with the validator's class path. */
export function javaArgs(tool: JavaTool, mainClass: string, args: readonly string[]): string[] {
  return [...JAVA_FLAGS, '-cp', tool.classPath, mainClass, ...args];
}

/** The first `<name> [v]<version>` in a tool's --version output (`veraPDF 1.28.2`, `EPUBCheck v5.3.0`). */
export function versionIn(text: string, name: string): string | undefined {
  return new RegExp(`${name}\\s+v?(\\d+(?:\\.\\d+)+)`, 'i').exec(text)?.[1];
}
