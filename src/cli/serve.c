/*
 * serve.c - `dostyk serve`: the record's JSON API over HTTP (serve/http.c).
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "../pack/pack.h"
#include "../serve/api.h"
#include "../serve/http.h"
#include "../store/store.h"

static void usage(FILE *f)
{
    fprintf(f,
        "usage: dostyk serve [--db FILE] [--bind ADDR] [--port N] [--threads N]\n"
        "                    [--quiet]\n\n"
        "Serve the record as a read-only JSON API (and a page at /) until SIGTERM\n"
        "or SIGINT:\n"
        "  GET /healthz, /api/stats, /api/docs, /api/docs/{id}\n"
        "  GET /api/search?q=&from=&to=&source=&entity=&metric=&limit=\n"
        "  GET /api/facts?metric=&subject=&period=&doc=&limit=\n"
        "  GET /api/timeline?metric=&subjects=   /api/conflicts?metric=\n"
        "  GET /api/check?claim=\n"
        "  POST /api/ingest   JSON Lines documents, with --token only\n\n"
        "  --db FILE      the record (default $DOSTYK_DB or dostyk.db)\n"
        "  --bind ADDR    IPv4 address to listen on (default 127.0.0.1)\n"
        "  --port N       port (default 8080; 0 picks a free one)\n"
        "  --threads N    serving threads (default 4)\n"
        "  --token TOKEN  allow POST /api/ingest with 'Authorization: Bearer\n"
        "                 TOKEN' (16 characters or more); better passed in\n"
        "                 $DOSTYK_TOKEN, which ps does not show\n"
        "  --max-body MB  largest ingest request body (default 16)\n"
        "  --quiet        no access log on stdout\n");
}

int dk_cmd_serve(int argc, char **argv)
{
    static const struct option opts[] = {
        {"db", required_argument, 0, 'd'}, {"bind", required_argument, 0, 'b'},
        {"port", required_argument, 0, 'p'},
        {"threads", required_argument, 0, 't'},
        {"token", required_argument, 0, 'k'},
        {"max-body", required_argument, 0, 'm'},
        {"quiet", no_argument, 0, 'q'}, {"help", no_argument, 0, 'h'},
        {0, 0, 0, 0},
    };
    dk_http_opts o;
    memset(&o, 0, sizeof o);
    o.db = dk_store_default_path();
    o.bind = "127.0.0.1";
    o.port = 8080;
    o.threads = 4;
    o.log = stdout;
    const char *env_token = getenv("DOSTYK_TOKEN");
    o.token = env_token && *env_token ? env_token : NULL;
    int c;
    long v;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
        switch (c) {
        case 'd': o.db = optarg; break;
        case 'b': o.bind = optarg; break;
        case 'p':
            if (strcmp(optarg, "0") == 0) {
                o.port = 0;
            } else if (!dk_api_valid_count(optarg, 65535, &v)) {
                dk_cli_error("serve: --port wants 0-65535, not '%s'", optarg);
                return DK_ERR_USAGE;
            } else {
                o.port = (int)v;
            }
            break;
        case 't':
            if (!dk_api_valid_count(optarg, 64, &v)) {
                dk_cli_error("serve: --threads wants 1-64, not '%s'", optarg);
                return DK_ERR_USAGE;
            }
            o.threads = (int)v;
            break;
        case 'k': o.token = optarg; break;
        case 'm':
            if (!dk_api_valid_count(optarg, 1024, &v)) {
                dk_cli_error("serve: --max-body wants 1-1024 (MB), not '%s'",
                             optarg);
                return DK_ERR_USAGE;
            }
            o.max_body = (size_t)v << 20;
            break;
        case 'q': o.log = NULL; break;
        case 'h': usage(stdout); return DK_OK;
        default:
            dk_cli_error("serve: unknown option '%s' (see --help)",
                         argv[optind - 1]);
            return DK_ERR_USAGE;
        }
    }
    if (o.token && strlen(o.token) < 16) {
        dk_cli_error("serve: the token must have at least 16 characters");
        return DK_ERR_USAGE;
    }
    if (optind != argc) {
        dk_cli_error("serve: unexpected argument '%s'", argv[optind]);
        return DK_ERR_USAGE;
    }
    char packdir[4096];
    if (dk_cli_default_pack("serve", 0, packdir, sizeof packdir))
        o.pack_dir = packdir;
    char err[512];
    dk_status st = dk_http_serve(&o, err, sizeof err);
    if (st)
        dk_cli_error("serve: %s", err);
    return st;
}
