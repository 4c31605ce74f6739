package cn.lantian.eventing;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A bare application that loads the eventing runtime as a service would. */
@SpringBootApplication
class EventingTestApplication {}
