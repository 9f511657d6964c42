// After a generated project's `mvn verify`: runs its packaged jar the way its README says
// (java -jar target/<artifactId>.jar), on a free port, and checks that the page, /switchboard.js
// and the WebSocket endpoint answer; then stops it with SIGTERM and expects a graceful exit.
// The archetype plugin binds `context`, whose projectDir is the generated project's directory
// (<case>/project/<artifactId>).
import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.net.http.WebSocket
import java.util.concurrent.CompletableFuture
import java.util.concurrent.CompletionStage
import java.util.concurrent.TimeUnit

File projectDir = context.projectDir
def properties = new Properties()
new File(projectDir.parentFile.parentFile, 'archetype.properties').withInputStream { properties.load(it) }
['README.md', '.gitignore', 'src/main/resources/web/index.html'].each {
  assert new File(projectDir, it).isFile() : "the generated project has no $it"
}
def jar = new File(projectDir, "target/${properties.artifactId}.jar")
assert jar.isFile() : "mvn verify made no runnable jar at $jar"
def endpointPath = properties.getProperty('endpointPath', '/hello')

def java = new File(System.getProperty('java.home'), 'bin/java').path
def builder = new ProcessBuilder(java, '-jar', jar.path).redirectErrorStream(true)
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
      .buildAsync(URI.create("ws://127.0.0.1:$listening$endpointPath"), listener)
      .get(30, TimeUnit.SECONDS)
  webSocket.sendText('hello', true).get(30, TimeUnit.SECONDS)
  assert reply.get(30, TimeUnit.SECONDS) == 'Hello, human'
  webSocket.sendClose(WebSocket.NORMAL_CLOSURE, '').get(30, TimeUnit.SECONDS)
} finally {
  process.destroy() // SIGTERM: the server's graceful shutdown
  if (!process.waitFor(30, TimeUnit.SECONDS)) {
    process.destroyForcibly()
    throw new AssertionError("the app did not stop within 30 s of SIGTERM:\n$output")
  }
}
println "Ran ${jar.name}: page, /switchboard.js and ${endpointPath} answered; stopped on SIGTERM"
return true
