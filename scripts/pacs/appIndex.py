# Orthanc Python plugin: answers the app's folder URL (/recist/) with its index.html.
#
# The ServeFolders plugin serves every file under /recist/ but answers the folder URL itself with 404, and Orthanc
# hands /recist and /recist/ to plugins as the same URI, so a redirect from one to the other would loop. This
# callback answers both with index.html, plus a <base href="/recist/"> so that the page's relative URLs (the build
# uses base './') resolve under /recist/ even when the address was typed without its last slash. The file is read
# at each request: a rebuild of the app is served without restarting Orthanc.
import json
import os

import orthanc

SETTINGS = json.loads(orthanc.GetConfiguration()).get('RecistReader', {})
MOUNT = SETTINGS.get('AppMount', '/recist').rstrip('/')
INDEX = os.path.join(SETTINGS.get('AppFolder', ''), 'index.html')


def with_base(html):
    base = '<base href="%s/">' % MOUNT
    head = html.find('<head>')
    if head < 0:
        return base + html
    return html[: head + len('<head>')] + base + html[head + len('<head>'):]


def answer_index(output, uri, **request):
    if request.get('method') not in ('GET', 'HEAD'):
        output.SendMethodNotAllowed('GET,HEAD')
        return
    try:
        with open(INDEX, encoding='utf-8') as f:
            html = f.read()
    except OSError:
        message = 'recist-reader: %s is missing; build the app (npm run build)\n' % INDEX
        # The SDK's (status, body, size): the body is a C string here.
        output.SendHttpStatus(404, message, len(message.encode('utf-8')))
        return
    output.SetHttpHeader('Cache-Control', 'no-cache')
    output.AnswerBuffer(with_base(html).encode('utf-8'), 'text/html; charset=utf-8')


orthanc.RegisterRestCallback(MOUNT, answer_index)
