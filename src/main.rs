fn main() {
    dafu_web::start();
}
