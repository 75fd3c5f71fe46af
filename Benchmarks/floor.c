/*
 * The floor for generation: libyaml's event parser reading a description, plus writing as many bytes in as many files
 * as the generator writes for it. Nothing a generator does can take less.
 *
 * Usage: floor DESCRIPTION OUTPUT_DIRECTORY FILES BYTES
 * Build: cc -O2 -o floor Benchmarks/floor.c -lyaml
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <yaml.h>

int main(int argc, char **argv) {
    if (argc != 5) {
        fprintf(stderr, "usage: floor DESCRIPTION OUTPUT_DIRECTORY FILES BYTES\n");
        return 2;
    }
    FILE *input = fopen(argv[1], "rb");
    if (!input) { perror(argv[1]); return 1; }
    yaml_parser_t parser;
    yaml_event_t event;
    yaml_parser_initialize(&parser);
    yaml_parser_set_input_file(&parser, input);
    long events = 0;
    for (;;) {
        if (!yaml_parser_parse(&parser, &event)) { fprintf(stderr, "parse error\n"); return 1; }
        int done = event.type == YAML_STREAM_END_EVENT;
        yaml_event_delete(&event);
        events++;
        if (done) break;
    }
    yaml_parser_delete(&parser);
    fclose(input);

    long files = atol(argv[3]), bytes = atol(argv[4]);
    long each = files > 0 ? bytes / files : 0;
    char *buffer = malloc(each + 1);
    memset(buffer, 'x', each);
    mkdir(argv[2], 0755);
    char path[4096];
    for (long index = 0; index < files; index++) {
        snprintf(path, sizeof path, "%s/File%ld.swift", argv[2], index);
        int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (fd < 0) { perror(path); return 1; }
        if (write(fd, buffer, each) != each) { perror(path); return 1; }
        close(fd);
    }
    free(buffer);
    printf("%ld events, %ld files, %ld bytes\n", events, files, each * files);
    return 0;
}
