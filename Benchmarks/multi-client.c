/*
 * multi-client: the C baseline for `make bench`'s transport scenario.
 *
 * GETs every URL of a file at once through one libcurl multi handle, driven the way libcurl's
 * own documentation recommends for many transfers: epoll plus curl_multi_socket_action, a share
 * handle for DNS and TLS sessions, and the CA file cached by libcurl (CURLOPT_CA_CACHE_TIMEOUT,
 * no CA path, so libcurl 7.88 parses the file once per process and not per connection). It
 * applies the same policy as bk: TLS 1.3, full verification, https only, no redirects.
 *
 *     multi-client CAFILE URLFILE [MAXCONNECTIONS]
 *
 * MAXCONNECTIONS caps the connections open at once (CURLMOPT_MAX_TOTAL_CONNECTIONS; further
 * transfers wait for one to finish), so that every client of a comparison runs at the same
 * concurrency: curl 7.88 caps --parallel-max at 300.
 *
 * Exits 0 when every URL answered 200, 1 otherwise. Build: cc -O2 multi-client.c -lcurl
 */
#include <curl/curl.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/time.h>

static int epoll_fd;
static long timeout_ms = -1;

static size_t discard(char *data, size_t size, size_t count, void *user) {
    (void)data; (void)user;
    return size * count;
}

static int on_socket(CURL *easy, curl_socket_t socket, int what, void *user, void *socket_user) {
    (void)easy; (void)user;
    struct epoll_event event = {0};
    event.data.fd = socket;
    if (what == CURL_POLL_REMOVE) {
        epoll_ctl(epoll_fd, EPOLL_CTL_DEL, socket, NULL);
        return 0;
    }
    if (what & CURL_POLL_IN) event.events |= EPOLLIN;
    if (what & CURL_POLL_OUT) event.events |= EPOLLOUT;
    if (epoll_ctl(epoll_fd, socket_user ? EPOLL_CTL_MOD : EPOLL_CTL_ADD, socket, &event) != 0 && errno == ENOENT)
        epoll_ctl(epoll_fd, EPOLL_CTL_ADD, socket, &event);
    if (!socket_user) curl_multi_assign((CURLM *)user, socket, (void *)1);
    return 0;
}

static int on_timer(CURLM *multi, long ms, void *user) {
    (void)multi; (void)user;
    timeout_ms = ms;
    return 0;
}

int main(int argc, char **argv) {
    if (argc != 3 && argc != 4) {
        fprintf(stderr, "usage: multi-client CAFILE URLFILE [MAXCONNECTIONS]\n");
        return 2;
    }
    struct rlimit limit;
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0) {
        limit.rlim_cur = limit.rlim_max;
        setrlimit(RLIMIT_NOFILE, &limit);
    }
    FILE *list = fopen(argv[2], "r");
    if (!list) {
        perror(argv[2]);
        return 2;
    }
    curl_global_init(CURL_GLOBAL_ALL);
    CURLM *multi = curl_multi_init();
    CURLSH *share = curl_share_init();
    curl_share_setopt(share, CURLSHOPT_SHARE, CURL_LOCK_DATA_SSL_SESSION);
    curl_share_setopt(share, CURLSHOPT_SHARE, CURL_LOCK_DATA_DNS);
    curl_multi_setopt(multi, CURLMOPT_SOCKETFUNCTION, on_socket);
    curl_multi_setopt(multi, CURLMOPT_SOCKETDATA, multi);
    curl_multi_setopt(multi, CURLMOPT_TIMERFUNCTION, on_timer);
    if (argc == 4) curl_multi_setopt(multi, CURLMOPT_MAX_TOTAL_CONNECTIONS, atol(argv[3]));
    epoll_fd = epoll_create1(0);

    char line[4096];
    int added = 0;
    while (fgets(line, sizeof line, list)) {
        line[strcspn(line, "\r\n")] = 0;
        if (!line[0]) continue;
        CURL *easy = curl_easy_init();
        curl_easy_setopt(easy, CURLOPT_URL, line);
        curl_easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "https");
        curl_easy_setopt(easy, CURLOPT_SSLVERSION, (long)CURL_SSLVERSION_TLSv1_3);
        curl_easy_setopt(easy, CURLOPT_SSL_VERIFYPEER, 1L);
        curl_easy_setopt(easy, CURLOPT_SSL_VERIFYHOST, 2L);
        curl_easy_setopt(easy, CURLOPT_CAINFO, argv[1]);
        curl_easy_setopt(easy, CURLOPT_CAPATH, NULL);
        curl_easy_setopt(easy, CURLOPT_CA_CACHE_TIMEOUT, 3600L);
        curl_easy_setopt(easy, CURLOPT_SHARE, share);
        curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
        curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, discard);
        curl_multi_add_handle(multi, easy);
        added++;
    }
    fclose(list);

    int running = 0, failures = 0;
    curl_multi_socket_action(multi, CURL_SOCKET_TIMEOUT, 0, &running);
    struct epoll_event ready[256];
    while (running) {
        int count = epoll_wait(epoll_fd, ready, 256, timeout_ms < 0 ? 1000 : (int)timeout_ms);
        if (count <= 0) {
            curl_multi_socket_action(multi, CURL_SOCKET_TIMEOUT, 0, &running);
        }
        for (int i = 0; i < count; i++) {
            int mask = 0;
            if (ready[i].events & EPOLLIN) mask |= CURL_CSELECT_IN;
            if (ready[i].events & EPOLLOUT) mask |= CURL_CSELECT_OUT;
            if (ready[i].events & (EPOLLERR | EPOLLHUP)) mask |= CURL_CSELECT_ERR;
            curl_multi_socket_action(multi, ready[i].data.fd, mask, &running);
        }
        CURLMsg *message;
        int remaining;
        while ((message = curl_multi_info_read(multi, &remaining))) {
            if (message->msg != CURLMSG_DONE) continue;
            long status = 0;
            curl_easy_getinfo(message->easy_handle, CURLINFO_RESPONSE_CODE, &status);
            if (message->data.result != CURLE_OK || status != 200) {
                failures++;
                fprintf(stderr, "%s\n", curl_easy_strerror(message->data.result));
            }
            curl_multi_remove_handle(multi, message->easy_handle);
            curl_easy_cleanup(message->easy_handle);
        }
    }
    curl_multi_cleanup(multi);
    curl_share_cleanup(share);
    curl_global_cleanup();
    fprintf(stderr, "%d fetched, %d failed\n", added - failures, failures);
    return failures ? 1 : 0;
}
