"""Where the restoration API's time goes beyond Elasticsearch's: Django, our view, our search code.

    ELASTICSEARCH_URL=http://127.0.0.1:59200 .venv/bin/python benchmarks/search_api_share.py \
        [--records 10000] [--rounds 10] [--repeats 3] [--seed 1991]

A diagnostic for step 2 of benchmarks/search.py (goal: API p50 <= 1.5 x the same requests sent
straight to Elasticsearch). On the same throwaway database and index (--records imported records),
it times the same query mix, interleaved with the direct requests as step 2 does, through three
WSGI applications, each a part of the one before:

- django: Django's WSGI application, as deployed (handler, middleware, URL resolving, signals);
- view: the API view (search.api.restorations) called on a WSGIRequest, anonymous, without
  Django's handler or middleware;
- service: a bare WSGI function around the search service alone (search.params.RestorationQuery,
  search.backends.get_backend().search, orjson), without Django's request and response objects.

For each it prints the API / direct ratios (p50, p95), the Python share of an API call (its time
outside the Elasticsearch client, p50), and the same share back to back, with Elasticsearch's
answers replayed from memory: the work itself, without the waits between. Medians over --repeats,
the applications taking turns. Keeps a copy of its output in benchmarks/logs/ (git-ignored). Exits 1
when a step fails, 2 when Elasticsearch is not reachable.
"""

import argparse
import os
import sys
import time
import types
from pathlib import Path
from unittest import mock

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import common  # noqa: E402
from benchmarks import search as step2  # noqa: E402


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.2f} ms"


def view_application(environ, start_response):
    from django.contrib.auth.models import AnonymousUser
    from django.core.handlers.wsgi import WSGIRequest

    from search.api import restorations

    request = WSGIRequest(environ)
    request.user = AnonymousUser()
    response = restorations(request)
    start_response(f"{response.status_code} {response.reason_phrase}", list(response.items()))
    return response


def service_application(environ, start_response):
    import orjson
    from django.contrib.auth.models import AnonymousUser
    from django.http import QueryDict

    from search import backends
    from search.params import DEFAULT_LANGUAGE, RestorationQuery

    query = RestorationQuery.from_querydict(QueryDict(environ["QUERY_STRING"]), default_lang=DEFAULT_LANGUAGE)
    answer = backends.get_backend().search(query, user=AnonymousUser(), lang=query.lang)
    start_response("200 OK", [("Content-Type", "application/json")])
    return [orjson.dumps(answer, default=str)]


class ReplayingClient:
    """Answers each msearch with the answer the real client gave to the same query the first time."""

    def __init__(self, real):
        self.real = real
        self.answers = {}
        self.key = None

    def msearch(self, **kwargs):
        if self.key not in self.answers:
            self.answers[self.key] = self.real.msearch(**kwargs)
        return self.answers[self.key]

    def __getattr__(self, name):
        return getattr(self.real, name)


def back_to_back(client, application, rounds: int) -> float:
    """p50 seconds of one API call with Elasticsearch's answers replayed from memory."""
    from search import es

    http = step2.WsgiClient(application)
    replaying = ReplayingClient(client)
    times = []
    with mock.patch.object(es, "client", lambda: replaying):
        for round_number in range(-1, rounds):
            for name, params in step2.QUERY_MIX:
                replaying.key = name
                started = time.perf_counter()
                response = http.get(step2.API_URL, params)
                if round_number >= 0:
                    times.append(time.perf_counter() - started)
                if response.status_code != 200:
                    raise common.BenchmarkFailure(f"{name}: answered {response.status_code}")
    return common.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=10, help="rounds of the query mix per application and repeat")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1991)
    args = parser.parse_args()

    if problem := step2.elasticsearch_problem():
        print(problem, file=sys.stderr)
        return 2
    common.keep_log("search-api-share")
    prefix = f"bench-{os.getpid()}-{int(time.time())}-"
    os.environ["ELASTICSEARCH_INDEX_PREFIX"] = prefix
    workspace = common.django_setup(elasticsearch=True)

    from django.core.handlers.wsgi import WSGIHandler

    from search import es

    client = es.client().options(request_timeout=60)
    applications = {"django": WSGIHandler(), "view": view_application, "service": service_application}
    timed_keys = ("ratio_p50", "ratio_p95", "direct_p50", "outside_p50")
    figures = {name: {key: [] for key in (*timed_keys, "alone")} for name in applications}
    failures = []
    try:
        step2.log(common.machine_line())
        step2.archive_create(types.SimpleNamespace(records=args.records, seed=args.seed))
        es.index_rebuild()
        for repeat in range(args.repeats):
            for name, application in applications.items():
                timed = step2.api_benchmark(client, args, application, show_mix=False)
                alone = back_to_back(client, application, args.rounds)
                for key in timed_keys:
                    figures[name][key].append(timed[key])
                figures[name]["alone"].append(alone)
                step2.log(
                    f"repeat {repeat + 1} {name:8}: API/direct p50 {timed['ratio_p50']:.2f}, "
                    f"p95 {timed['ratio_p95']:.2f}; direct p50 {ms(timed['direct_p50'])}; "
                    f"Python share {ms(timed['outside_p50'])}, back to back {ms(alone)}"
                )
    except Exception as error:
        failures.append(f"{error.__class__.__name__}: {error}")
    finally:
        step2.cleanup_indexes(client, prefix, failures)
        common.workspace_cleanup(workspace)
    if failures:
        for failure in failures:
            print(f"FAIL {failure}")
        return 1
    print()
    print(f"Medians of {args.repeats} repeats, {args.records:,} records ({step2.GOAL_API_RATIO} is step 2's goal):")
    columns = ("API/direct p50", "p95", "direct p50", "Python share", "back to back")
    print(f"  {'application':12} " + " ".join(f"{column:>14}" for column in columns))
    for name, values in figures.items():
        median = {key: common.median(samples) for key, samples in values.items()}
        times = (median["direct_p50"], median["outside_p50"], median["alone"])
        shown = (f"{median['ratio_p50']:.2f}", f"{median['ratio_p95']:.2f}", *map(ms, times))
        print(f"  {name:12} " + " ".join(f"{value:>14}" for value in shown))
    return 0


if __name__ == "__main__":
    sys.exit(main())
