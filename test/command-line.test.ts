import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  findShellFeatures,
  findShellInvocation,
  findVariableReferences,
  firstCommandWord,
  maskTemplateExpressions,
  programName,
  splitCommandSegments,
  splitCommandWords,
  taskCommandLines,
} from '../src/batch/command-line.js';

const featureList = (commandLine: string, os?: 'linux' | 'windows'): string[] =>
  findShellFeatures(commandLine, os).map((feature) => `${feature.kind} ${feature.text} @${feature.offset}`);

test('shell prefixes are recognised case-insensitively, with paths, .exe and quoted executables', () => {
  const cases: Array<[string, string, string]> = [
    ['cmd /c dir /s', 'cmd', 'dir /s'],
    ['cmd.exe /c "ffmpeg -y & echo done"', 'cmd', 'ffmpeg -y & echo done'],
    ['CMD.EXE /S /C "a && b"', 'cmd', 'a && b'],
    ['cmd /v:on /c echo !x!', 'cmd', 'echo !x!'],
    ['C:\\Windows\\System32\\cmd.exe /c echo hi', 'cmd', 'echo hi'],
    ["/bin/sh -c 'echo hi; ls'", 'posix', 'echo hi; ls'],
    ["/bin/bash -c 'set -e; env'", 'posix', 'set -e; env'],
    ["bash -lc 'module load mpi'", 'posix', 'module load mpi'],
    ['/bin/bash -o pipefail -c "a | b"', 'posix', 'a | b'],
    ['/usr/bin/env bash -c "echo $HOME"', 'posix', 'echo $HOME'],
    ['powershell.exe -File 3dsmax.ps1 -start 1', 'powershell', '3dsmax.ps1 -start 1'],
    ['powershell -ExecutionPolicy Unrestricted -Command "Get-Date"', 'powershell', '"Get-Date"'],
    ['powershell.exe 3dsmax.ps1 -start 1', 'powershell', '3dsmax.ps1 -start 1'],
    ['"C:\\Program Files\\PowerShell\\7\\pwsh.exe" -c "ls"', 'powershell', '"ls"'],
  ];
  for (const [commandLine, family, script] of cases) {
    const invocation = findShellInvocation(commandLine);
    assert.equal(invocation?.family, family, commandLine);
    assert.equal(invocation?.script, script, commandLine);
  }
});

test('a shell that runs a script file or gets no -c is not a shell invocation', () => {
  for (const commandLine of ['bash run.sh $X', 'cmd', 'cmd /s', '/bin/sh', 'sh -x', 'myprogram.exe', 'python3 -c "print(1)"', '']) {
    assert.equal(findShellInvocation(commandLine), undefined, commandLine);
  }
});

test('the script offset points at the text the shell runs', () => {
  assert.equal(findShellInvocation('cmd /c   echo hi')?.scriptOffset, 9);
  assert.equal(findShellInvocation("/bin/sh -c 'ls'")?.scriptOffset, 11);
});

test('operators outside quotes are features, with exact offsets', () => {
  assert.deepEqual(featureList('a && b || c | d ; e & f'), [
    'and && @2',
    'or || @7',
    'pipe | @12',
    'sequence ; @16',
    'ampersand & @20',
  ]);
  assert.deepEqual(featureList('prog > out.txt 2>&1'), ['redirect > @5', 'redirect 2>&1 @15']);
  assert.deepEqual(featureList('prog >> log < in 2> err'), ['redirect >> @5', 'redirect < @12', 'redirect 2> @17']);
});

test('quoted operators, globs and URL query strings are arguments, not shell syntax', () => {
  for (const commandLine of [
    'grep "a > b" file',
    "awk 'BEGIN { x = 1; print x }' data.csv",
    'blender -b scene.blend -o "//render/frame_####" -F PNG -a',
    'ffmpeg -i in.mkv -o output_####.exr',
    'azcopy copy "https://acct.blob.core.windows.net/c/*" . --recursive',
    'curl -o x.bin https://acct.blob.core.windows.net/c/x.bin?sv=2022-11-02&sr=b&sp=r&sig=abc%2Fdef%3D',
    'wget https://example.com/a%20b/c%E2%80%99d.txt',
    'robocopy \\\\server\\C$\\data out /E',
    'tool --include=*.txt --exclude "*.tmp"',
    'tool /pattern:*.exr',
    'printf-like -o frame_%04d.png',
    'gs -sOutputFile=page-%03d_%04d.png in.pdf',
  ]) {
    assert.deepEqual(featureList(commandLine), [], commandLine);
  }
});

test('variables: $VAR, ${VAR}, $(…), backticks and $? expand inside double quotes, never inside single quotes', () => {
  assert.deepEqual(featureList('python "$AZ_BATCH_TASK_WORKING_DIR/x.py" ${N} $(date) `id` $?'), [
    'posix-variable $AZ_BATCH_TASK_WORKING_DIR @8',
    'posix-variable ${N} @41',
    'command-substitution $(date) @46',
    'backtick `id` @54',
    'posix-variable $? @59',
  ]);
  assert.deepEqual(featureList("echo '$HOME `x`'"), []);
});

test('%VAR% is a cmd feature; URL escapes and printf formats are not', () => {
  assert.deepEqual(featureList('"%BLENDER_EXEC%" -b "%AZ_BATCH_JOB_PREP_WORKING_DIR%\\a.blend"'), [
    'windows-variable %BLENDER_EXEC% @1',
    'windows-variable %AZ_BATCH_JOB_PREP_WORKING_DIR% @21',
  ]);
  assert.deepEqual(featureList('x %3DSMAX_2018%3dsmaxcmdio.exe'), ['windows-variable %3DSMAX_2018% @2']);
  assert.deepEqual(featureList('x a%E2%80%99b %03d_%04d.png 50%'), []);
});

test('leading builtins, environment assignments and globs in arguments', () => {
  assert.deepEqual(featureList('cd work'), ['builtin cd @0']);
  assert.deepEqual(featureList('SET'), ['builtin SET @0']);
  assert.deepEqual(featureList('source /etc/profile.d/chaos.sh'), ['builtin source @0']);
  assert.deepEqual(featureList('. /etc/profile'), ['builtin . @0']);
  assert.deepEqual(featureList('./run.sh'), []);
  assert.deepEqual(featureList('OMP_NUM_THREADS=4 ./app'), ['assignment OMP_NUM_THREADS=4 @0']);
  assert.deepEqual(featureList('rm *.tmp'), ['glob *.tmp @3']);
  assert.deepEqual(featureList('cat part?.txt'), ['glob part?.txt @8']);
  assert.deepEqual(featureList('*.exe'), []);
});

test('the node OS keeps only the syntax its shell interprets', () => {
  const line = 'java -cp a.jar;b.jar Main %X% $Y *.txt & z';
  assert.deepEqual(featureList(line, 'windows'), ['windows-variable %X% @26', 'ampersand & @39']);
  assert.deepEqual(featureList(line, 'linux'), ['sequence ; @14', 'posix-variable $Y @30', 'glob *.txt @33', 'ampersand & @39']);
});

test('escaped quotes stay literal and unterminated quotes swallow the rest', () => {
  assert.deepEqual(featureList('tool -arg \\"a b\\" > out'), ['redirect > @18']);
  assert.deepEqual(featureList('tool "unterminated > x'), []);
});

test('words and segments', () => {
  assert.deepEqual(
    splitCommandWords(`a "b c" 'd'e`).map((word) => [word.value, word.start, word.end]),
    [
      ['a', 0, 1],
      ['b c', 2, 7],
      ['de', 8, 12],
    ],
  );
  assert.deepEqual(
    splitCommandSegments('start smpd -d & echo ok && x > y').map((segment) => [
      segment.words.map((word) => word.value).join(' '),
      segment.separator,
    ]),
    [
      ['start smpd -d', '&'],
      ['echo ok', '&&'],
      ['x y', undefined],
    ],
  );
});

test('program names drop directories, quotes and .exe', () => {
  assert.equal(programName('C:\\server\\bin\\VRay.EXE'), 'vray');
  assert.equal(programName('/usr/sbin/sshd'), 'sshd');
});

test('variable references ignore quoting, for environment values', () => {
  assert.deepEqual(
    findVariableReferences("'$PATH':%HOME%").map((found) => `${found.kind} ${found.text} @${found.offset}`),
    ['posix-variable $PATH @1', 'windows-variable %HOME% @8'],
  );
});

test('template expressions are masked to the same length', () => {
  const text = "%AZ_BATCH_APP_PACKAGE_[parameters('app')]#[parameters('v')]%\\x [variables('m')[parameters('k')].e] [[literal]";
  const masked = maskTemplateExpressions(text);
  assert.equal(masked.length, text.length);
  assert.equal(masked, '%AZ_BATCH_APP_PACKAGE_' + 'X'.repeat(19) + '#' + 'X'.repeat(17) + '%\\x ' + 'X'.repeat(35) + ' [[literal]');
});

test('real command lines from Batch samples and the REST examples use no shell syntax without a shell', () => {
  // Copied from the official REST examples, az CLI samples and Batch docs: all correct as written.
  const realCommandLines = [
    'cmd /c dir /s',
    'cmd /c echo task1',
    'cmd /c exit 3',
    'myprogram.exe',
    "bash -c 'echo hello'",
    'cmd /c echo coordinating',
    'cmd /c "%3DSMAX_2018%3dsmaxcmdio.exe -secure off -v:5 -rfw:0 -start:1 -end:1 -outputName:"dragon.jpg" -w 400 -h 300 MotionBlur-DragonFlying.max"',
    "/bin/bash -c '$AZ_BATCH_APP_PACKAGE_mpi_batch_1_0_0/mpi_batch/run_mpi.sh'",
    '/bin/bash -c env',
    'sudo apt-get install ffmpeg -y',
    'ffmpeg -i sampleVideo1.mkv -vcodec copy -acodec copy output.mp4 -y',
    'ffmpeg -i sampleVideo500.mkv -vcodec copy -acodec copy scale=1000:1000 output_x1000_500.mp4 -y',
    '/opt/run_mnist.sh',
    'cmd /c start cmd /c smpd.exe -d',
    'cmd /c mpiexec.exe -c 1 -wdir %AZ_BATCH_TASK_SHARED_DIR% MPIHelloWorld.exe',
    "/bin/bash -c '. /etc/profile.d/modules.sh;module load mpi/hpcx;mpirun -np 2 --host $AZ_BATCH_HOST_LIST -npernode 1 -x LD_LIBRARY_PATH $HPCX_OSU_DIR/osu_bibw'",
    'cmd.exe /c DEL /S /Q "%AZ_BATCH_JOB_PREP_WORKING_DIR%" & exit /b 0',
  ];
  for (const commandLine of realCommandLines) {
    const shellFree = findShellInvocation(commandLine) === undefined;
    assert.ok(!shellFree || findShellFeatures(commandLine).length === 0, commandLine);
  }
});

test('an unterminated ${ stops at whitespace', () => {
  assert.deepEqual(featureList('echo ${HOME x'), ['posix-variable ${HOME @5']);
});

test('task command lines: commandLine and the coordination command, strings only', () => {
  assert.deepEqual(
    taskCommandLines({ commandLine: 'a', multiInstanceSettings: { coordinationCommandLine: 'b' } }).map((line) => [line.property, line.pointer, line.text]),
    [
      ['commandLine', '/commandLine', 'a'],
      ['coordinationCommandLine', '/multiInstanceSettings/coordinationCommandLine', 'b'],
    ],
  );
  assert.deepEqual(taskCommandLines({ commandLine: 5, multiInstanceSettings: 'x' }), []);
  assert.deepEqual(taskCommandLines(null), []);
});

test('every character /\\s/ matches separates words, and no other does', () => {
  for (let code = 0; code <= 0xffff; code += 1) {
    const char = String.fromCharCode(code);
    const words = splitCommandWords(`a${char}b`).map((word) => word.value);
    if (/\s/.test(char)) assert.deepEqual(words, ['a', 'b'], `U+${code.toString(16)}`);
    else if (!`"'&|;<>\\`.includes(char)) assert.deepEqual(words, [`a${char}b`], `U+${code.toString(16)}`);
  }
  assert.equal(findShellInvocation('cmd /c\u3000\u2028echo hi')?.scriptOffset, 8);
});

test('escaped quotes, URL ampersands and file descriptors keep their exact words and offsets', () => {
  assert.deepEqual(
    splitCommandWords('a\\"b c\\\'d "e\\"f"\'g\' x\\\\"y"').map((word) => [word.value, word.start, word.end, word.pieces.map((piece) => `${piece.quote}:${piece.text}@${piece.offset}`)]),
    [
      ['a"b', 0, 4, ['none:a"b@0']],
      ["c'd", 5, 9, ["none:c'd@5"]],
      ['e"fg', 10, 19, ['double:e"f@11', 'single:g@17']],
      // `\\` is a literal backslash, `\"` then a literal quote, and the last `"` opens an empty unterminated piece.
      ['x\\"y', 20, 26, ['none:x\\"y@20', 'double:@26']],
    ],
  );
  assert.deepEqual(splitCommandWords('get http:"//h"/p?a=1&b=2;c x&y').map((word) => word.value), ['get', 'http://h/p?a=1&b=2;c', 'x', 'y']);
  assert.deepEqual(featureList('get http://h/p?a&& b x 12>f 2>>g 3<h 1>&2 >&- &>k'), [
    'and && @16',
    'redirect > @25',
    'redirect 2>> @28',
    'redirect 3< @33',
    'redirect 1>&2 @37',
    'redirect >&- @42',
    'redirect &> @46',
  ]);
});

test('a line without $, backtick or % has no variable references; each of them alone is still found', () => {
  assert.deepEqual(findVariableReferences('plain text {x} (y) 100'), []);
  const listed = (text: string): string[] => findVariableReferences(text).map((found) => `${found.kind} ${found.text} @${found.offset}`);
  assert.deepEqual(listed('run `date`'), ['backtick `date` @4']);
  assert.deepEqual(listed('%TEMP%\\x'), ['windows-variable %TEMP% @0']);
  assert.deepEqual(listed('x $(pwd) y'), ['command-substitution $(pwd) @2']);
  assert.deepEqual(listed('%A% $B %C% `d` $E'), ['windows-variable %A% @0', 'posix-variable $B @4', 'windows-variable %C% @7', 'backtick `d` @11', 'posix-variable $E @15']);
  // Globs without variables, and variables without globs, are both still features.
  assert.deepEqual(featureList('ls *.txt'), ['glob *.txt @3']);
  assert.deepEqual(featureList('tool "%X%"'), ['windows-variable %X% @6']);
  assert.deepEqual(featureList('c"d" x'), ['builtin cd @0']);
});

test('answers are shared between callers, frozen, and stay right when lines alternate', () => {
  const first = 'a && b $X';
  const second = 'cmd /c "x | y"';
  const features = findShellFeatures(first);
  assert.ok(Object.isFrozen(features));
  assert.ok(Object.isFrozen(splitCommandWords(first)));
  assert.ok(Object.isFrozen(findVariableReferences('$A')));
  assert.ok(Object.isFrozen(splitCommandSegments(first)));
  assert.throws(() => (features as unknown as string[]).push('x'), TypeError);
  assert.equal(findShellFeatures(first), features);
  for (let round = 0; round < 20; round += 1) {
    // Up to 19 other lines in between: older readings are dropped and read again, with the same answers.
    const many = Array.from({ length: round }, (_, index) => `prog ${index} > out`);
    for (const line of many) assert.deepEqual(featureList(line), ['redirect > @' + line.indexOf('>')]);
    assert.deepEqual(findShellFeatures(first), features);
    assert.deepEqual(featureList(first, 'linux'), ['and && @2', 'posix-variable $X @7']);
    assert.deepEqual(featureList(first, 'windows'), ['and && @2']);
    assert.equal(findShellInvocation(second)?.script, 'x | y');
    assert.equal(findShellInvocation(first), undefined);
  }
});

test('the first word alone settles plain lines; quotes and operators in it still get the whole line read', () => {
  assert.equal(firstCommandWord(''), '');
  assert.equal(firstCommandWord(' \t '), '');
  assert.equal(firstCommandWord('\u3000ffmpeg -i in.mp4'), 'ffmpeg');
  assert.equal(firstCommandWord('"C:\\Program Files\\tool.exe" -x'), 'C:\\Program Files\\tool.exe');
  assert.equal(firstCommandWord('a&&b'), 'a');
  // The redirection's target is the first word, as splitCommandWords reads it.
  assert.equal(firstCommandWord('2>err prog'), 'err');
  assert.equal(firstCommandWord('https://h/p?a=1&b=2 x'), 'https://h/p?a=1&b=2');
  // Shells whose name only tokenizing reveals.
  const invoked = (line: string): string | undefined => {
    const invocation = findShellInvocation(line);
    return invocation === undefined ? undefined : `${invocation.family} ${invocation.script}`;
  };
  assert.equal(invoked('"bash" -c x'), 'posix x');
  assert.equal(invoked("b'as'h -c 'a; b'"), 'posix a; b');
  assert.equal(invoked('\tcmd /c dir'), 'cmd dir');
  assert.equal(invoked('env A=1 -i sh -c "echo"'), 'posix echo');
  assert.equal(invoked('"C:\\Windows\\cmd.exe" /c a & b'), 'cmd a & b');
  assert.equal(invoked('python3 -c "print(1)"'), undefined);
  assert.equal(invoked('2>err bash -c x'), undefined);
  // Builtins without any other shell character are still found; other plain lines have no features.
  assert.deepEqual(featureList('CD\tdata'), ['builtin CD @0']);
  assert.deepEqual(featureList('  . /etc/profile'), ['builtin . @2']);
  assert.deepEqual(featureList('"cd" x'), []);
  assert.deepEqual(featureList('ffmpeg -i in.mp4 -c:v libx264 out.mp4'), []);
  assert.deepEqual(featureList('tool A=1'), []);
  assert.deepEqual(featureList('A=1 tool'), ['assignment A=1 @0']);
});

test('a substitution is shown whole up to 40 characters from $( to )', () => {
  const shown = (text: string): string[] => findVariableReferences(text).map((found) => found.text);
  assert.deepEqual(shown('$(' + 'a'.repeat(38) + ')'), ['$(' + 'a'.repeat(38) + ')']);
  assert.deepEqual(shown('$(' + 'a'.repeat(39) + ')'), ['$(']);
  assert.deepEqual(shown('x $(a $(b) c)'), ['$(a $(b)', '$(b)']);
});

test('hostile lines stay linear: long URL words full of & and unclosed $( runs', () => {
  // Both used to take time quadratic in the line length (minutes here).
  const url = 'curl ' + 'x'.repeat(1_000_000) + '://' + '&a'.repeat(100_000);
  assert.deepEqual(
    splitCommandWords(url).map((word) => word.value.length),
    [4, 1_000_003 + 200_000],
  );
  const unclosed = '$('.repeat(100_000);
  const references = findVariableReferences(unclosed);
  assert.equal(references.length, 100_000);
  assert.ok(references.every((found, index) => found.text === '$(' && found.offset === index * 2));
});
