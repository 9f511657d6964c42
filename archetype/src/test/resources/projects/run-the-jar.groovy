// After a generated project's `mvn verify`: checks that the build printed no warning, runs its
// packaged jar the way its README says (java -jar target/<artifactId>.jar), on a free port, with
// a second @WsEndpoint class compiled next to it, and checks that the page, /switchboard.js and
// both WebSocket endpoints answer (Main serves every compiled endpoint); then stops it with
// SIGTERM and expects a graceful exit.
// The archetype plugin binds `context`, whose projectDir is the generated project's directory
// (<case>/project/<artifactId>).
import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.net.http.WebSocket
import java.util.concurrent.CompletableFuture
import java.util.concurrent.CompletionStage
import java.util.concurrent.TimeUnit
import javax.tools.ToolProvider

File projectDir = context.projectDir
def properties = new Properties()
new File(projectDir.parentFile.parentFile, 'archetype.properties').withInputStream { properties.load(it) }
['README.md', '.gitignore', 'src/main/resources/web/index.html'].each {
  assert new File(projectDir, it).isFile() : "the generated project has no $it"
}
def warnings = new File(projectDir, 'build.log').readLines().findAll { it.contains('[WARNING]') }
assert warnings.isEmpty() : "the build of a fresh project warns:\n${warnings.join('\n')}"
def jar = new File(projectDir, "target/${properties.artifactId}.jar")
assert jar.isFile() : "mvn verify made no runnable jar at $jar"
def endpointPath = properties.getProperty('endpointPath', '/hello')
def pkg = properties.getProperty('package', properties.groupId)

// A second endpoint, compiled with the annotation processor as the project's build would.
def second = new File(projectDir, 'target/second')
def sources = new File(second, 'src')
def source = new File(sources, 'SecondEndpoint.java')
sources.mkdirs()
source.text = """package ${pkg};

import io.switchboard.WsCommand;
import io.switchboard.WsEndpoint;

@WsEndpoint("/second")
public class SecondEndpoint {
  @WsCommand("hello")
  String hello() {
    return "Hello from the second endpoint";
  }
}
"""
def itRepo = new File(projectDir, '../../../../../it-repo').canonicalFile
def repoJar = { String dir, String name ->
  def found = new File(itRepo, dir).listFiles().collectMany { version ->
    (version.listFiles() ?: []).findAll { it.name ==~ /${name}-[^-]+(-SNAPSHOT)?\.jar/ }
  }
  assert found : "no $name jar under $itRepo/$dir"
  found[0].path
}
def processorPath = [repoJar('io/switchboard/switchboard-processor', 'switchboard-processor'),
                     repoJar('com/palantir/javapoet/javapoet', 'javapoet'), jar.path].join(File.pathSeparator)
def classes = new File(second, 'classes')
classes.mkdirs()
def compiled = ToolProvider.systemJavaCompiler.run(null, null, null,
    '-cp', jar.path, '-processorpath', processorPath, '-d', classes.path, source.path)
assert compiled == 0 : "the second endpoint did not compile"

def java = new File(System.getProperty('java.home'), 'bin/java').path
def classPath = [classes.path, jar.path].join(File.pathSeparator)
def builder = new ProcessBuilder(java, '-cp', classPath, "${pkg}.Main").redirectErrorStream(true)
builder.environment().put('SWITCHBOARD_PORT', '0')     // a free port; Main prints which
builder.environment().put('SWITCHBOARD_HOST', '127.0.0.1')
def process = builder.start()
def output = new StringBuffer()
def port = new CompletableFuture<Integer>()
Thread.start {
  process.inputStream.withReader('UTF-8') { reader ->
    reader.eachLine { line ->
      output.append(line).append('\n')
      def address = line =~ /http:\/\/localhost:(\d+)\//
      if (address.find()) {
        port.complete(address.group(1) as int)
      }
    }
  }
  port.completeExceptionally(new IllegalStateException("the app stopped before printing its address:\n$output"))
}

try {
  int listening = port.get(60, TimeUnit.SECONDS)
  def http = HttpClient.newHttpClient()
  def get = { String path ->
    http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:$listening$path")).build(),
        HttpResponse.BodyHandlers.ofString())
  }

  def page = get('/')
  assert page.statusCode() == 200
  assert page.body().contains('/switchboard.js')
  def client = get('/switchboard.js')
  assert client.statusCode() == 200
  assert client.body().contains('Switchboard')

  // The text line "hello"; pushes (the clock ticks every second) are not the reply.
  def hello = { String path ->
    def reply = new CompletableFuture<String>()
    def listener = new WebSocket.Listener() {
      CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        if (!data.toString().startsWith('{"event"')) {
          reply.complete(data.toString())
        }
        webSocket.request(1)
        return null
      }
    }
    def webSocket = http.newWebSocketBuilder()
        .buildAsync(URI.create("ws://127.0.0.1:$listening$path"), listener)
        .get(30, TimeUnit.SECONDS)
    webSocket.sendText('hello', true).get(30, TimeUnit.SECONDS)
    def answer = reply.get(30, TimeUnit.SECONDS)
    webSocket.sendClose(WebSocket.NORMAL_CLOSURE, '').get(30, TimeUnit.SECONDS)
    answer
  }
  assert hello(endpointPath) == 'Hello, human'
  assert hello('/second') == 'Hello from the second endpoint'
  assert !output.toString().contains('not serving compiled endpoints') : output
} finally {
  process.destroy() // SIGTERM: the server's graceful shutdown
  if (!process.waitFor(30, TimeUnit.SECONDS)) {
    process.destroyForcibly()
    throw new AssertionError("the app did not stop within 30 s of SIGTERM:\n$output")
  }
}
println "Ran ${jar.name} with a second endpoint: page, /switchboard.js, ${endpointPath} and /second answered; stopped on SIGTERM"
return true
